import { profileJsonSchema } from '../engine/index.js';
import { writeOut } from '../cli/io.js';

/** The profile's JSON Schema as committed in schema/profile.schema.json: two-space JSON, one final newline. */
export function schemaText(): string {
  return `${JSON.stringify(profileJsonSchema(), null, 2)}\n`;
}

/** `policy-calc schema`: print the JSON Schema of the profile. */
export async function runSchema(): Promise<void> {
  writeOut(schemaText());
}
