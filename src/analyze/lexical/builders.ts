/**
 * Collections filled statement by statement (`form.Set("k", v)` in Go, `map.add("k", v)` in
 * Spring, `params.put("k", v)`): recorded as one literal assignment after the last call, so that
 * folding a later use of the variable sees the fields.
 */
import { dottedName, literalText, positional, type Arg } from './expression.js';
import type { Program } from './program.js';

/** Record `x.<method>("k", v)` series as `x = { k: v, ... }` (methods matched by `methods`). */
export function collectFilledCollections(program: Program, methods: RegExp, skipReceiver?: RegExp): void {
  const built = new Map<string, { entries: Arg[]; start: number; end: number }>();
  for (const call of program.calls) {
    if (call.callee.k !== 'member' || !methods.test(call.callee.name)) continue;
    const receiver = dottedName(call.callee.obj);
    const args = positional(call.args);
    if (!receiver || args.length !== 2 || literalText(args[0]) === undefined || skipReceiver?.test(receiver)) continue;
    const b = built.get(receiver) ?? { entries: [], start: call.start, end: call.end };
    b.entries.push({ key: args[0], name: literalText(args[0]), value: args[1]! });
    b.end = call.end;
    built.set(receiver, b);
  }
  for (const [target, b] of built) program.assignments.push({ target, value: { k: 'coll', entries: b.entries, start: b.start, end: b.end }, start: b.end, end: b.end });
}
