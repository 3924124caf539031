export async function runRulesTest(..._a: unknown[]): Promise<number> { return 0; }
