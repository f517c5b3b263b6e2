import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { TaggedArticle } from '../model';
import { articleFromItem } from './article-items';
import { ATTR, ITEM_TYPE } from './keys';

/** The article in a DynamoDB stream image, or undefined when the image is not an article's main item. */
export function articleFromStreamImage(image: Record<string, AttributeValue>): TaggedArticle | undefined {
  if (image[ATTR.type]?.S !== ITEM_TYPE.article) return undefined;
  return articleFromItem(image);
}
