// The floor: the page query's data fetched by hand-written SQL through `pg`, served by a minimal
// HTTP server as the same JSON shape as civimap's GraphQL response, so that both sides pay for HTTP
// and JSON. One process, a pool of 10 connections (civimap's default DB_POOL_MAX).
//   POST /page  {"first": 50}  ->  {"data":{"organizations":{totalCount, edges[{cursor,node}], pageInfo}}}
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX || 10) });

const PAGE = `select o.id, o.name_sq, o.status, o.verification_status from organization o order by o.name_sq, o.id limit $1`;
const COUNT = `select count(*)::int as total from organization`;
// Categories and target groups as arrays of codes in taxonomy order, in the services' statement.
const SERVICES = `select s.id, s.organization_id, s.name_sq, s.status, s.capacity_per_year,
    array(select c.code from service_category_link sc join service_category c on c.id = sc.category_id
      where sc.service_id = s.id order by c.position) as category_codes,
    array(select t.code from service_target_group st join target_group t on t.id = st.target_group_id
      where st.service_id = s.id order by t.position) as target_group_codes
  from service s where s.organization_id = any($1::uuid[]) order by s.name_sq, s.id`;
const LOCATIONS = `select l.id, l.organization_id, l.address, l.lat, l.lng, m.code as municipality_code
  from location l join municipality m on m.id = l.municipality_id where l.organization_id = any($1::uuid[]) order by l.name, l.id`;

const cursorOf = (row) => Buffer.from(JSON.stringify([row.name_sq, row.id])).toString('base64url');

async function page(first) {
  const [organizations, count] = await Promise.all([pool.query(PAGE, [first + 1]), pool.query(COUNT)]);
  const rows = organizations.rows.slice(0, first);
  const ids = rows.map((r) => r.id);
  const [services, locations] = await Promise.all([pool.query(SERVICES, [ids]), pool.query(LOCATIONS, [ids])]);
  const byOrg = new Map(rows.map((r) => [r.id, { services: [], locations: [] }]));
  for (const s of services.rows) {
    byOrg.get(s.organization_id).services.push({
      id: s.id,
      name: s.name_sq,
      status: s.status,
      capacity: s.capacity_per_year,
      categories: s.category_codes.map((code) => ({ code })),
      targetGroups: s.target_group_codes.map((code) => ({ code })),
    });
  }
  for (const l of locations.rows) {
    byOrg.get(l.organization_id).locations.push({ id: l.id, address: l.address, point: { lat: l.lat, lng: l.lng }, municipality: { code: l.municipality_code } });
  }
  return {
    data: {
      organizations: {
        totalCount: count.rows[0].total,
        edges: rows.map((r) => ({
          cursor: cursorOf(r),
          node: { id: r.id, name: r.name_sq, status: r.status, verification: { status: r.verification_status }, ...byOrg.get(r.id) },
        })),
        pageInfo: { hasNextPage: organizations.rows.length > first, endCursor: rows.length ? cursorOf(rows.at(-1)) : null },
      },
    },
  };
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') return res.end('ok');
  if (req.method !== 'POST' || req.url !== '/page') return res.writeHead(404).end();
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const { first = 50 } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      const body = JSON.stringify(await page(Math.min(Math.max(Number(first) || 0, 0), 100)));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`floor listening on ${process.env.PORT}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
