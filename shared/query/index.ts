// The query module shared by the CLI (query, show) and the query API.
export { QueryError } from './errors';
export { queryArticles, type ArticleQuery, type ArticlePage, type QueryDeps } from './articles';
export { queryAlerts, type AlertQuery } from './alerts';
export { lookupTags, type TagLookup } from './tags';
export { defaultResolver, type TagResolver } from './names';
export { parseTimeBound } from './time';
export { parseText, matchesText } from './text';
export { parseLimit, DEFAULT_LIMIT } from './params';
export { createApiHandler, type ApiDeps } from './api';
export { queryStories, storyDetail, storyItem, type StoryQuery, type StoryItem, type StoryPage } from './stories';
export { queryTrends, type TrendQuery, type TrendSeries, type TrendBucket, type Bucket } from './trends';
