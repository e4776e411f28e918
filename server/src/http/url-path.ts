/**
 * The path of a request's URL, without its query string: what the handlers served straight
 * from Node's HTTP server (/graphql, /tiles) route on.
 * @example pathOf('/tiles/grids.json?v=2') // '/tiles/grids.json'
 */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}
