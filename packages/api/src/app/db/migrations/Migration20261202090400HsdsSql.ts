import { Migration } from '@mikro-orm/migrations';

/**
 * What the HSDS documents built in PostgreSQL (src/hsds/hsds-sql.ts) need beyond plain SQL:
 * UUID v5 for the derived ids (uuid-ossp, the same RFC 4122 ids as hsds-ids.ts), a JSON text of a
 * jsonb value written the way JSON.stringify writes it (no spaces; jsonb's own key order, which is
 * the order a JSON.parse of its text gives), and the "uri" check of isHsdsUrl (hsds-metadata.ts).
 */
export class Migration20261202090400HsdsSql extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists "uuid-ossp";`);
    this.addSql(`create or replace function civimap_js_json(v jsonb) returns text language plpgsql immutable parallel safe as $$
begin
  case jsonb_typeof(v)
    when 'object' then
      return '{' || coalesce((select string_agg(to_json(e.key)::text || ':' || civimap_js_json(e.value), ',' order by e.n)
                                from jsonb_each(v) with ordinality e(key, value, n)), '') || '}';
    when 'array' then
      return '[' || coalesce((select string_agg(civimap_js_json(e.value), ',' order by e.n)
                                from jsonb_array_elements(v) with ordinality e(value, n)), '') || ']';
    else
      return v::text;
  end case;
end $$;`);
    // An absolute http(s) URL in printable ASCII whose authority the WHATWG URL parser accepts: a
    // non-empty host without forbidden code points, a port of at most 65535, a dotted IPv4 address
    // when the host ends in a number. (The parser also accepts percent-escaped, hexadecimal and short
    // IPv4 hosts; those are refused here, so such a website is left out rather than served broken.)
    this.addSql(`create or replace function civimap_hsds_url(url text) returns boolean language sql immutable parallel safe as $$
select coalesce(url ~* '^https?://[\\x21-\\x7e]+$' and (
         hp ~ '^\\[[0-9A-Fa-f:.]+\\](:[0-9]{0,5})?$'
         or (hp ~ '^[^:\\[\\]%<>^|]+(:[0-9]{0,5})?$'
             and coalesce(nullif(substring(hp from ':([0-9]*)$'), '')::int, 0) <= 65535
             and (regexp_replace(hp, '(:[0-9]*)?$', '') !~ '(^|\\.)(0x[0-9a-f]*|[0-9]+)\\.?$'
                  or regexp_replace(hp, '(:[0-9]*)?$', '') ~ '^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.?$'))), false)
  from (select regexp_replace(substring(url from '^[A-Za-z]+://([^/?#\\\\]*)'), '^.*@', '') as hp) authority
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists civimap_hsds_url(text);`);
    this.addSql(`drop function if exists civimap_js_json(jsonb);`);
  }
}
