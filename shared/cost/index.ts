export { estimateMonthlyCost, assumptionsFor, DEFAULT_ASSUMPTIONS, PROFILE_ASSUMPTIONS, type CostInput, type CostAssumptions, type CostEstimate, type CostLine, type CostProfile } from './model';
export { PRICES } from './prices';
export { itemSizeBytes, writeFootprint } from './footprint';
