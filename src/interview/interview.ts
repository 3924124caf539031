import { evaluate, type EvaluationResult, type RuleSet } from '../engine/index.js';
import { openFacts } from '../engine/index.js';
import { PLACEHOLDERS } from '../engine/index.js';
import { fieldDocs } from '../engine/index.js';
import { questionFor } from '../render/questions.js';
import type { Lang } from '../render/labels.js';
import { changeLines, stateLine } from './changes.js';
import { asProfile, getAt, problemsAt, setAt, type Draft } from './draft.js';
import { ENTRY_FIELDS, formFor, isRequired, typedValue, YEAR_FIELDS, type Collection, type Form, type Typed } from './forms.js';
import { W, zhProblem, type Words } from './words.js';

/**
 * The interview of `policy-calc ask`: evaluate what is known, ask the one question that decides
 * the most (engine/facts/open-facts.ts), show what the answer changed, and go on until nothing is open
 * or the person stops. The terminal is behind `Prompter`, so that the whole conversation can be
 * tested in-process with scripted answers; the command (commands/ask.ts) gives it @inquirer/prompts.
 */
export interface Choice<T> {
  value: T;
  name: string;
}

export interface Prompter {
  select<T>(message: string, choices: Choice<T>[]): Promise<T>;
  /** `validate` returns true, or the reason the text is refused (the prompt asks again). */
  input(message: string, validate: (text: string) => true | string): Promise<string>;
  checkbox<T>(message: string, choices: Choice<T>[]): Promise<T[]>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  say(text: string): void;
}

/** Thrown by a Prompter when the person presses Ctrl-C. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

export interface InterviewOptions {
  rules: RuleSet;
  asOf: string;
  year?: number;
  lang: Lang;
}

export interface Outcome {
  draft: Draft;
  /** complete: nothing left to ask; stopped: "stop and save"; interrupted: Ctrl-C. */
  end: 'complete' | 'stopped' | 'interrupted';
  save: boolean;
  asked: number;
}

const DONT_KNOW = Symbol('dont-know');
const STOP = Symbol('stop');
type Special = typeof DONT_KNOW | typeof STOP;

class Stop extends Error {}

/** After "don't know" to the size, the headcount lets the size be derived. */
const FOLLOW_UP: Readonly<Record<string, string>> = { size: 'employees' };

export async function interview(start: Draft, p: Prompter, o: InterviewOptions): Promise<Outcome> {
  const s = new Session(start, p, o);
  try {
    await s.run();
    return { draft: s.draft, end: 'complete', save: true, asked: s.asked };
  } catch (e) {
    if (e instanceof Stop) return { draft: s.draft, end: 'stopped', save: true, asked: s.asked };
    if (!(e instanceof Interrupted)) throw e;
    let save = false;
    try {
      save = await p.confirm(s.w.saveAfterInterrupt, true);
    } catch (again) {
      if (!(again instanceof Interrupted)) throw again;
    }
    return { draft: s.draft, end: 'interrupted', save, asked: s.asked };
  }
}

class Session {
  readonly w: Words;
  readonly skip = new Set<string>();
  readonly queue: string[] = [];
  asked = 0;

  constructor(
    public draft: Draft,
    private readonly p: Prompter,
    private readonly o: InterviewOptions,
  ) {
    this.w = W[o.lang];
  }

  private q(path: string): string {
    return questionFor(path, this.o.lang);
  }

  private evaluate(): EvaluationResult {
    const r = asProfile(this.draft);
    if ('issues' in r) throw new Error(`the interview made an invalid profile: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    return evaluate(this.o.rules, r.profile, { year: this.o.year, asOf: this.o.asOf });
  }

  async run(): Promise<void> {
    this.p.say(this.w.intro);
    // The two facts every profile has, then the district, which places the enterprise.
    for (const path of ['name', 'registrationDate'] as const) {
      const v = getAt(this.draft, path);
      if (typeof v !== 'string' || v === PLACEHOLDERS.name || v === PLACEHOLDERS.date || problemsAt(this.draft, path).length) {
        await this.typed(path, path === 'name' ? 'text' : 'date', true);
      }
    }
    if (getAt(this.draft, 'district') === undefined) await this.typed('district', 'text', false);

    let result = this.evaluate();
    this.p.say(stateLine(result, this.o.lang));
    for (;;) {
      const path = this.next(result);
      if (path === undefined) break;
      this.skip.add(path);
      const before = result;
      const answered = await this.ask(path);
      if (!answered) {
        const follow = FOLLOW_UP[path];
        if (follow && getAt(this.draft, follow) === undefined) this.queue.push(follow);
        continue;
      }
      result = this.evaluate();
      this.p.say(changeLines(before, result, this.o.lang).join('\n'));
    }
    this.p.say(`${this.w.complete} ${stateLine(result, this.o.lang)}`);
  }

  /** The queued follow-up, else the most decisive open fact that can be asked here. */
  private next(r: EvaluationResult): string | undefined {
    while (this.queue.length) {
      const q = this.queue.shift()!;
      if (!this.skip.has(q)) return q;
    }
    for (const f of openFacts(r, this.skip)) {
      if (formFor(f.path)) {
        this.p.say(`\n${this.w.decides(f.policies, f.money)}`);
        return f.path;
      }
      this.skip.add(f.path);
      this.p.say(this.w.cannotAsk(this.q(f.path)));
    }
    return undefined;
  }

  /** Asks for one open fact; false when the answer is "don't know". */
  private async ask(path: string): Promise<boolean> {
    this.asked++;
    const form = formFor(path)!;
    switch (form.kind) {
      case 'headquarters':
        return this.headquarters();
      case 'fiscal-year':
        return this.fiscalYear(form.year);
      case 'list':
        return this.list(form.collection);
      case 'facilities':
        return this.facilities();
      default:
        return this.single(path, form, false);
    }
  }

  /** A value in words; in English with the code the file will hold, which Chinese text never shows. */
  private label(words: { zh: string; en: string }, code: string): string {
    const w = words[this.o.lang];
    return this.o.lang === 'zh' || w === code ? w : `${w} (${code})`;
  }

  private special(required: boolean): Choice<Special>[] {
    return [...(required ? [] : [{ value: DONT_KNOW, name: this.w.dontKnow }] as Choice<Special>[]), { value: STOP, name: this.w.stop }];
  }

  private async choose<T>(message: string, choices: Choice<T>[], required = false): Promise<T | typeof DONT_KNOW> {
    const v = await this.p.select<T | Special>(message, [...choices, ...this.special(required)]);
    if (v === STOP) throw new Stop();
    return v as T | typeof DONT_KNOW;
  }

  /** One field: a choice, yes or no, or a typed value. Sets it in the draft unless "don't know". */
  private async single(path: string, form: Form, required: boolean): Promise<boolean> {
    if (form.kind === 'typed') return this.typed(path, form.type, required);
    let choices: Choice<unknown>[];
    if (form.kind === 'yes-no') choices = [{ value: true, name: this.w.yes }, { value: false, name: this.w.no }];
    else if (form.kind === 'choice') choices = form.values.map((v) => ({ value: v.value, name: this.label(v.label, v.value) }));
    else return false;
    const v = await this.choose(this.q(path), choices, required);
    if (v === DONT_KNOW) return false;
    this.draft = setAt(this.draft, path, v);
    return true;
  }

  /** A typed value, checked as it is typed by the profile's own validator; empty means "don't know". */
  private async typed(path: string, type: Typed, required: boolean): Promise<boolean> {
    const parts = [this.w.typeHint[type], required ? '' : this.w.emptyMeansDontKnow].filter(Boolean);
    const hint = parts.length ? `${this.o.lang === 'zh' ? '' : ' '}${this.w.hint(parts)}` : '';
    const text = await this.p.input(`${this.q(path)}${hint}`, (t) => {
      if (t.trim() === '') return required ? this.w.required : true;
      const problem = problemsAt(setAt(this.draft, path, typedValue(type, t)), path)[0];
      if (!problem) return true;
      return this.o.lang === 'zh' ? zhProblem(type, path, problem.message) : problem.message;
    });
    if (text.trim() === '') return false;
    this.draft = setAt(this.draft, path, typedValue(type, text));
    return true;
  }

  private async headquarters(): Promise<boolean> {
    const types = formFor('headquarters.type');
    const kinds = types?.kind === 'choice' ? types.values : [];
    const v = await this.choose(this.q('headquarters'), [
      { value: null as string | null, name: this.w.notHeadquarters },
      ...kinds.map((k) => ({ value: k.value as string | null, name: this.label(k.label, k.value) })),
    ]);
    if (v === DONT_KNOW) return false;
    this.draft = setAt(this.draft, 'headquarters', v === null ? null : { type: v });
    return true;
  }

  /** A fiscal year's figures, each one may be left out. */
  private async fiscalYear(given?: string): Promise<boolean> {
    let year = given;
    if (!year) {
      const asOfYear = Number(this.o.asOf.slice(0, 4));
      const from = Math.max(Number(String(getAt(this.draft, 'registrationDate')).slice(0, 4)) || asOfYear, asOfYear - 4);
      const years: Choice<string>[] = [];
      for (let y = asOfYear; y >= from; y--) years.push({ value: String(y), name: String(y) });
      // The year last closed first: its accounts are the ones a person has at hand.
      if (years.length > 1) years.push(years.shift()!);
      const v = await this.choose(this.w.whichYear, years);
      if (v === DONT_KNOW) return false;
      year = v;
    }
    let any = false;
    for (const field of YEAR_FIELDS) {
      const path = `fiscalYears.${year}.${field}`;
      if (getAt(this.draft, path) !== undefined) continue;
      const form = formFor(path)!;
      if (await this.single(path, form, false)) any = true;
    }
    return any;
  }

  private async list(collection: Collection): Promise<boolean> {
    const v = await this.choose(this.q(collection), [
      { value: 'none', name: this.w.none[collection] },
      { value: 'enter', name: this.w.enter[collection] },
    ]);
    if (v === DONT_KNOW) return false;
    const existing = getAt(this.draft, collection);
    if (!Array.isArray(existing)) this.draft = setAt(this.draft, collection, []);
    if (v === 'none') return true;
    do {
      const index = (getAt(this.draft, collection) as unknown[]).length;
      const before = this.draft;
      this.draft = setAt(this.draft, `${collection}[${index}]`, {});
      try {
        for (const field of ENTRY_FIELDS[collection]) {
          const path = `${collection}[${index}].${field}`;
          await this.single(path, formFor(path)!, isRequired(path));
        }
      } catch (e) {
        // Stopped halfway through an entry: the entry is dropped, so what is saved stays valid.
        this.draft = before;
        throw e;
      }
    } while (await this.p.confirm(this.w.another[collection], false));
    return true;
  }

  private async facilities(): Promise<boolean> {
    const v = await this.choose(this.q('facilities'), [
      { value: 'none', name: this.w.noFacilities },
      { value: 'pick', name: this.w.pickFacilities },
    ]);
    if (v === DONT_KNOW) return false;
    let picked: string[] = [];
    if (v === 'pick') {
      const values = fieldDocs()['facilities[]']!.values!;
      picked = await this.p.checkbox(
        this.w.pickFacilities,
        Object.entries(values).map(([k, m]) => ({ value: k, name: this.label(m, k) })),
      );
    }
    this.draft = setAt(this.draft, 'facilities', picked);
    return true;
  }
}
