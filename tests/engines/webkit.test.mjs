// The cross-engine set (cases.mjs) in webkit.
import { defineCrossEngineTests } from './cases.mjs';

defineCrossEngineTests('webkit');
