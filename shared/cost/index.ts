export { estimateMonthlyCost, DEFAULT_ASSUMPTIONS, type CostInput, type CostAssumptions, type CostEstimate, type CostLine } from './model';
export { PRICES } from './prices';
export { itemSizeBytes, writeFootprint } from './footprint';
