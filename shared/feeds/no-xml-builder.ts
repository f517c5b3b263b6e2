// Stands in for the `xmlbuilder` package in the Lambda bundles (esbuild `alias` in
// infra/constructs/bundling.ts). xmlbuilder is 67 KB of a bundle and only xml2js's Builder uses it;
// rss-parser reaches that Builder only to turn an object-valued content/summary/description back
// into XML, and builders.ts hands it plain text instead (test/unit/feeds/no-xml-builder.test.ts
// parses every fixture feed with a spy on the Builder). Node, the CLI and the tests keep the real
// package; this module is what a bundle would call if that promise were ever broken.

/** Thrown where the bundles' stand-in for xmlbuilder is asked to build XML. */
export class XmlBuilderLeftOutError extends Error {
  override name = 'XmlBuilderLeftOutError';
  constructor() {
    super(
      'xmlbuilder is left out of the Lambda bundles (shared/feeds/no-xml-builder.ts), but rss-parser was handed an element to rebuild as XML: shared/feeds/builders.ts must pass it as text',
    );
  }
}

/** xmlbuilder's entry point, as xml2js's Builder calls it: here it always throws. */
export function create(): never {
  throw new XmlBuilderLeftOutError();
}
