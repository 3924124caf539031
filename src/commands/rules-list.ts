export async function runRulesList(..._a: unknown[]): Promise<number> { return 0; }
