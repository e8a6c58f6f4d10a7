// Goal seeking (`npm run plan`): the least good parameter value that meets a target with 95% confidence.
export { type Confidence, type Tried, metricProblem, scenarioAt, theoryAt, tryValue } from './evidence.ts';
export { planJson } from './json.ts';
export { type PlanRequest, type PlanResult, PlanInputError, plan } from './plan.ts';
export { type Direction, type SearchOutcome, type SearchSpace, seek } from './search.ts';
export { type Comparison, type Target, asMeanCI, lowerIsBetter, meetsConfidently, meetsValue, parseTarget, readPath } from './target.ts';
export { theoryOfMetric } from './theoryMetric.ts';
