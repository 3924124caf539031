export async function runValidate(..._a: unknown[]): Promise<number> { return 0; }
