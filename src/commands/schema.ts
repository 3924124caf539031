export async function runSchema(..._a: unknown[]): Promise<number> { return 0; }
