// Prints docs/profile.md from the built sources (npm run build first):
//   node scripts/profile-doc.mjs > docs/profile.md
import { buildProfileDoc } from '../dist/cli/profile-doc-build.js';
process.stdout.write(buildProfileDoc());
