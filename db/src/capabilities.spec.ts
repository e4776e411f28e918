import { capabilitiesFrom } from './capabilities';

describe('capabilitiesFrom', () => {
  it("reads Debian's PostGIS 3.3 as able to build MVT but without coverage functions", () => {
    const caps = capabilitiesFrom(
      'PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu',
      'POSTGIS="3.3.2 4975da8" [EXTENSION] PGSQL="150" GEOS="3.11.1-CAPI-1.17.1" PROJ="9.1.1" LIBXML="2.9.14" LIBJSON="0.16" LIBPROTOBUF="1.4.1" WAGYU="0.5.0 (Internal)"',
      false,
    );
    expect(caps).toMatchObject({
      postgisVersion: '3.3.2',
      geosVersion: '3.11.1',
      asMvt: true,
      coverageFunctions: false,
      copyFromStdin: true,
    });
  });

  it('reads the embedded PGlite build as lacking MVT and COPY FROM STDIN', () => {
    const caps = capabilitiesFrom(
      'PostgreSQL 18.3 (PGlite 0.5.8) on wasm32-unknown-emscripten, compiled by emcc',
      'POSTGIS="3.6.2 0" [EXTENSION] PGSQL="180" GEOS="3.14.0-CAPI-1.20.4" PROJ="9.7.0"',
      true,
    );
    expect(caps).toMatchObject({
      postgisVersion: '3.6.2',
      geosVersion: '3.14.0',
      asMvt: false,
      coverageFunctions: true,
      copyFromStdin: false,
    });
  });
});
