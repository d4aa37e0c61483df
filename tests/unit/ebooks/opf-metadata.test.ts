import { describe, expect, it } from 'vitest';
import { inspectEpub } from '../../../server/ebooks/inspect-epub';
import { minimalEpub, opfXml, zipOf, CONTAINER_XML } from './ebook-test-kit';

async function metadataOf(metadata: string) {
  const inspected = await inspectEpub(await minimalEpub([], metadata));
  if (!inspected.ok) throw new Error(inspected.code);
  return inspected.metadata;
}

async function coverOf(metadata: string, manifest: string, images: string[]) {
  const epub = await zipOf([
    { name: 'mimetype', content: 'application/epub+zip' },
    { name: 'META-INF/container.xml', content: CONTAINER_XML },
    { name: 'OEBPS/content.opf', content: opfXml(metadata, manifest) },
    ...images.map((name) => ({ name, content: name })),
  ]);
  const inspected = await inspectEpub(epub);
  if (!inspected.ok) throw new Error(inspected.code);
  return inspected.cover?.toString();
}

describe('OPF metadata', () => {
  it('lists several authors, leaving out illustrators and other roles', async () => {
    const metadata = await metadataOf(`
      <dc:title>T</dc:title>
      <dc:creator opf:role="aut">Ann</dc:creator>
      <dc:creator id="b">Bob</dc:creator><meta refines="#b" property="role">aut</meta>
      <dc:creator id="c">Cid</dc:creator><meta refines="#c" property="role">ill</meta>`);
    expect(metadata.authors).toEqual(['Ann', 'Bob']);
  });

  it('finds the ISBN among the identifiers, with or without urn:isbn:, checks its check digit and keeps it as ISBN-13', async () => {
    const isbnOf = async (identifiers: string) => (await metadataOf(`<dc:title>T</dc:title>${identifiers}`)).isbn;
    expect(await isbnOf('<dc:identifier>urn:uuid:1</dc:identifier><dc:identifier>urn:isbn:978-7-02-000220-7</dc:identifier>')).toBe('9787020002207');
    expect(await isbnOf('<dc:identifier opf:scheme="ISBN">7-02-000220-X</dc:identifier>')).toBe('9787020002207');
    expect(await isbnOf('<dc:identifier>isbn:702000220x</dc:identifier>')).toBe('9787020002207');
    expect(await isbnOf('<dc:identifier>7-02-000220-1</dc:identifier>')).toBe(null);
    expect(await isbnOf('<dc:identifier>http://www.gutenberg.org/11</dc:identifier>')).toBe(null);
  });

  it('turns an HTML description into plain text, dropping scripts and tags', async () => {
    const metadata = await metadataOf(
      '<dc:title>T</dc:title><dc:description>&lt;p&gt;One &amp;amp; two&lt;p&gt;Three&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</dc:description>',
    );
    expect(metadata.description).toBe('One & two\nThree');
  });

  it('decodes every HTML named reference in a description, not just the XML five', async () => {
    const metadata = await metadataOf(
      '<dc:title>T</dc:title><dc:description>&lt;p&gt;Caf&amp;eacute; society &amp;mdash; and then&amp;hellip;&amp;nbsp;fin &amp;copy; &amp;#x4E2D;&amp;#25991; &amp;bogus; 5 &amp;lt; 6</dc:description>',
    );
    expect(metadata.description).toBe('Café society — and then… fin © 中文 &bogus; 5 < 6');
  });

  it('reads publisher, language and subjects as plain text', async () => {
    const metadata = await metadataOf('<dc:title> 红楼梦 </dc:title><dc:language>zh-CN</dc:language><dc:publisher>人民文学出版社</dc:publisher><dc:subject>小说</dc:subject>');
    expect(metadata).toMatchObject({ title: '红楼梦', language: 'zh-CN', publisher: '人民文学出版社', subjects: ['小说'] });
  });

  it('picks the cover: EPUB 3 cover-image, then EPUB 2 meta cover, then the first image', async () => {
    const images = ['OEBPS/a.png', 'OEBPS/b.png', 'OEBPS/c.png'];
    const items = '<item id="a" href="a.png" media-type="image/png"/><item id="b" href="b.png" media-type="image/png"/>';
    expect(await coverOf('<dc:title>T</dc:title>', `${items}<item id="c" href="c.png" media-type="image/png" properties="cover-image"/>`, images)).toBe('OEBPS/c.png');
    expect(await coverOf('<dc:title>T</dc:title><meta name="cover" content="b"/>', items, images)).toBe('OEBPS/b.png');
    expect(await coverOf('<dc:title>T</dc:title>', items, images)).toBe('OEBPS/a.png');
  });
});
