import type { CompiledPolicy } from './compile.js';
import type { YamlPath } from './conditions.js';

/**
 * Orders policies so that each comes after those it reads. A cycle is reported at the reference
 * that closes it in the policy where the walk entered it; a reference to a policy that does not
 * exist, at that reference.
 */
export function dependencyOrder(policies: CompiledPolicy[], report: (id: string, path: YamlPath, message: string) => void): CompiledPolicy[] {
  const byId = new Map(policies.map((p) => [p.def.id, p]));
  const state = new Map<string, 'visiting' | 'done'>();
  const out: CompiledPolicy[] = [];
  const visit = (p: CompiledPolicy, chain: CompiledPolicy[]) => {
    const st = state.get(p.def.id);
    if (st === 'done') return;
    if (st === 'visiting') {
      const start = chain.findIndex((c) => c.def.id === p.def.id);
      const cycle = [...chain.slice(start), p];
      const edge = cycle[0]!.dependsOn.find((d) => d.id === cycle[1]!.def.id)!;
      report(cycle[0]!.def.id, edge.path, `circular dependency between policies: ${cycle.map((c) => c.def.id).join(' -> ')}`);
      return;
    }
    state.set(p.def.id, 'visiting');
    for (const d of p.dependsOn) {
      const dep = byId.get(d.id);
      if (!dep) report(p.def.id, d.path, `depends on policy ${d.id}, which is not in the rule set`);
      else visit(dep, [...chain, p]);
    }
    state.set(p.def.id, 'done');
    out.push(p);
  };
  for (const p of policies) visit(p, []);
  return out;
}
