import { describe, expect, it } from 'vitest';
import { QueryError } from '../../../shared/query';
import { mostSelective, resolveNames, type TagResolver } from '../../../shared/query/names';

const entries = { nato: { id: 'nato', name: 'NATO', kind: 'organization' as const }, russia: { id: 'RU', name: 'Russia', kind: 'country' as const }, ru: { id: 'RU', name: 'Russia', kind: 'country' as const }, 'black sea': { id: 'black-sea', name: 'Black Sea', kind: 'sea' as const } };
const resolver: TagResolver = {
  resolve: (n) => entries[n.toLowerCase() as keyof typeof entries],
  suggest: (n) => (n.toLowerCase().startsWith('na') ? ['NATO', 'Namibia'] : []),
};

describe('resolveNames', () => {
  it('resolves names, codes and ids to tag ids, once each', () => {
    expect(resolveNames(['RU', 'Russia', 'nato'], 'actor', resolver).map((t) => t.id)).toEqual(['RU', 'nato']);
  });

  it('suggests near names for an unknown one', () => {
    expect(() => resolveNames(['Narnia'], 'actor', resolver)).toThrow('unknown actor "Narnia"; did you mean "NATO", "Namibia"?');
    expect(() => resolveNames(['Zzz'], 'region', resolver)).toThrow('unknown region "Zzz": not a tag id, ISO code or known name');
  });

  it('points a place asked as an actor (and an organisation asked as a region) to the other side', () => {
    expect(() => resolveNames(['Black Sea'], 'actor', resolver)).toThrow('"Black Sea" (Black Sea) is a sea: ask for it as a region');
    expect(() => resolveNames(['NATO'], 'region', resolver)).toThrow('"NATO" (NATO) is an organization: ask for it as an actor');
    expect(resolveNames(['Russia'], 'region', resolver).map((t) => t.id)).toEqual(['RU']);
  });

  it('rejects empty names', () => {
    expect(() => resolveNames(['  '], 'actor', resolver)).toThrow(QueryError);
  });
});

describe('mostSelective', () => {
  it('walks the narrowest kind of tag', () => {
    const tags = [...resolveNames(['Russia', 'NATO'], 'actor', resolver), ...resolveNames(['Black Sea'], 'region', resolver)];
    expect(mostSelective(tags)?.id).toBe('nato');
    expect(mostSelective(tags.filter((t) => t.id !== 'nato'))?.id).toBe('black-sea');
  });
});
