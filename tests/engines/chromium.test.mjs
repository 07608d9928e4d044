// The cross-engine set (cases.mjs) in chromium.
import { defineCrossEngineTests } from './cases.mjs';

defineCrossEngineTests('chromium');
