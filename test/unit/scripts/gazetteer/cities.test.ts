// The builder's names of cities (scripts/gazetteer/cities.ts).
import { describe, expect, it } from 'vitest';
import { citiesExtra, shortName } from '../../../../scripts/gazetteer/cities';

describe('shortName', () => {
  const honorifics = citiesExtra().honorifics;
  it('drops the hero a Mexican city is named after, or its "Heroica" title', () => {
    expect(shortName('Acapulco de Juárez', 'MX', honorifics)).toBe('Acapulco');
    expect(shortName('Ecatepec de Morelos', 'MX', honorifics)).toBe('Ecatepec');
    expect(shortName('Poza Rica de Hidalgo', 'MX', honorifics)).toBe('Poza Rica');
    expect(shortName('Heroica Matamoros', 'MX', honorifics)).toBe('Matamoros');
  });
  it('keeps the whole name when what is left is not a name of its own', () => {
    expect(shortName('San Miguel de Allende', 'MX', honorifics)).toBeUndefined(); // "San Miguel": many places
    expect(shortName('Ciudad de Allende', 'MX', honorifics)).toBeUndefined();
    expect(shortName('Ciudad de Villa de Álvarez', 'MX', honorifics)).toBeUndefined();
    expect(shortName('Heroica Ciudad de Tlaxiaco', 'MX', honorifics)).toBeUndefined();
  });
  it('applies only to the countries whose titles the data lists', () => {
    expect(shortName('Puerto de Juárez', 'ES', honorifics)).toBeUndefined();
    expect(shortName('Acapulco', 'MX', honorifics)).toBeUndefined();
  });
});
