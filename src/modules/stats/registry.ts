import { activityIndicators } from '../activities/index.ts';
import { orgIndicators } from '../orgs/index.ts';
import { venueIndicators } from '../venues/index.ts';
import type { DeclaredIndicator } from './indicator.declare.ts';

/** Every module's declared indicators, in the order readers list them. A new module adds its declaration here. */
export const indicatorRegistry: readonly DeclaredIndicator[] = [...activityIndicators, ...venueIndicators, ...orgIndicators];

const byCode = new Map(indicatorRegistry.map((indicator) => [indicator.code, indicator]));
if (byCode.size !== indicatorRegistry.length) throw new Error('two modules declare the same indicator code');

export const findIndicator = (code: string): DeclaredIndicator | undefined => byCode.get(code);
