export async function runRulesShow(..._a: unknown[]): Promise<number> { return 0; }
