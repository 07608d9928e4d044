// The cross-engine set (cases.mjs) in firefox.
import { defineCrossEngineTests } from './cases.mjs';

defineCrossEngineTests('firefox');
