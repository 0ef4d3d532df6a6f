/**
 * `npm start`: the main job. Until the client lands it prints what the generated code knows
 * about the API: every operation with its documented status codes.
 */
import { API_TITLE, API_VERSION, DEFAULT_BASE_URL, OPERATIONS } from '../generated/api.js';

console.log(`${API_TITLE} ${API_VERSION} at ${DEFAULT_BASE_URL}\n`);
for (const op of OPERATIONS) {
  const codes = op.statusCodes.join(' ');
  console.log(`${op.operationId.padEnd(18)} ${op.method.padEnd(6)} ${op.path.padEnd(44)} ${codes}`);
}
