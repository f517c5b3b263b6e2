import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBody } from '../../../shared/feeds/decode';

const xml = (enc: string, body: string) => `<?xml version="1.0" encoding="${enc}"?><rss version="2.0"><channel><title>${body}</title></channel></rss>`;

describe('decodeBody', () => {
  it.each([
    ['windows-1251', 'Москва и Киев'],
    ['koi8-r', 'Донецк, Луганск'],
    ['iso-8859-2', 'Łódź i Gdańsk'],
    ['iso-8859-7', 'Αθήνα'],
    ['shift_jis', '東京のニュース'],
    ['gb2312', '北京新闻'],
    ['gbk', '乌克兰局势'],
    ['big5', '臺北新聞'],
  ])('reads %s named in the XML declaration', (enc, text) => {
    const bytes = iconv.encode(xml(enc, text), enc === 'gb2312' ? 'gbk' : enc);
    const d = decodeBody(bytes);
    expect(d.text).toContain(text);
    expect(d.source).toBe('declaration');
  });
  it('takes the charset from the Content-Type header', () => {
    const bytes = iconv.encode('<rss><channel><title>Грузия</title></channel></rss>', 'windows-1251');
    expect(decodeBody(bytes, 'application/rss+xml; charset=windows-1251').text).toContain('Грузия');
  });
  it('falls through a header that says UTF-8 when the bytes are not UTF-8', () => {
    const bytes = iconv.encode(xml('windows-1251', 'Абхазия'), 'windows-1251');
    const d = decodeBody(bytes, 'text/xml; charset=utf-8');
    expect(d.text).toContain('Абхазия');
    expect(d.charset).toBe('windows-1251');
  });
  it("lets the XML declaration overrule a server's default Latin-1 header", () => {
    const bytes = iconv.encode(xml('windows-1251', 'Крым'), 'windows-1251');
    expect(decodeBody(bytes, 'text/xml; charset=ISO-8859-1')).toMatchObject({ charset: 'windows-1251', source: 'declaration' });
  });
  it('prefers valid UTF-8 labelled UTF-8 over a wrong legacy header', () => {
    const bytes = Buffer.from(xml('utf-8', 'Чорне море'));
    expect(decodeBody(bytes, 'text/xml; charset=windows-1251').text).toContain('Чорне море');
  });
  it('reads UTF-16 with a byte-order mark, little and big endian', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml('utf-16', 'Київ'), 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(xml('utf-16', 'Київ'), 'utf-16be')]);
    expect(decodeBody(le).text).toContain('Київ');
    expect(decodeBody(be).text).toContain('Київ');
    expect(decodeBody(le).text.startsWith('<?xml')).toBe(true);
  });
  it('sniffs UTF-16 without a byte-order mark', () => {
    expect(decodeBody(iconv.encode(xml('utf-16', 'Сухумі'), 'utf-16le')).text).toContain('Сухумі');
  });
  it('strips a UTF-8 byte-order mark', () => {
    const d = decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss/>')]));
    expect(d.text).toBe('<rss/>');
  });
  it('reads undeclared Latin-1 as windows-1252 instead of replacement characters', () => {
    const d = decodeBody(iconv.encode('<rss><channel><title>Últimas Notícias</title></channel></rss>', 'latin1'), 'application/rss+xml');
    expect(d.text).toContain('Últimas Notícias');
    expect(d.source).toBe('fallback');
  });
  it.each([
    ['windows-1251', 'Росія посилює війська біля кордону з Україною, повідомляє розвідка'],
    ['koi8-r', 'Россия усиливает войска у границы с Украиной, сообщает разведка'],
  ])('guesses undeclared Cyrillic in %s', (enc, text) => {
    const d = decodeBody(iconv.encode(`<rss><channel><item><title>${text}</title></item></channel></rss>`, enc));
    expect(d).toMatchObject({ charset: enc, source: 'fallback' });
    expect(d.text).toContain(text);
  });
  it('keeps undeclared accented Latin as windows-1252', () => {
    const title = 'Notícias: eleição, política e économie à Genève, Müller über Straße. '.repeat(3);
    const d = decodeBody(iconv.encode(`<rss><title>${title}</title></rss>`, 'latin1'));
    expect(d.text).toContain(title);
    expect(d.charset).toBe('windows-1252');
  });
  it('ignores a charset label it does not know', () => {
    expect(decodeBody(Buffer.from(xml('x-klingon', 'plain')), 'text/xml; charset=x-unknown').text).toContain('plain');
  });
});
