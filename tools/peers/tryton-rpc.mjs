#!/usr/bin/env node
// Ad-hoc JSON-RPC call against a running Tryton peer, for poking at it by hand.
// usage: node tools/peers/tryton-rpc.mjs URL DATABASE METHOD [JSON_PARAMS] [LOGIN PASSWORD]
//   e.g. node tools/peers/tryton-rpc.mjs http://127.0.0.1:41234 ledgerlink \
//          model.party.party.search_read '[[], 0, null, null, ["name"]]'
// Logs in (default admin/admin) and appends the user's context to model./wizard. calls.
const [
  url,
  database,
  method,
  json = '[]',
  login = 'admin',
  password = 'admin',
] = process.argv.slice(2);
if (!method) {
  console.error(
    'usage: node tools/peers/tryton-rpc.mjs URL DATABASE METHOD [JSON_PARAMS] [LOGIN PASSWORD]',
  );
  process.exit(2);
}
async function rpc(m, params, auth) {
  const headers = {
    'Content-Type': 'application/json',
    ...(auth ? { Authorization: auth } : {}),
  };
  const res = await fetch(`${url}/${database}/`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ id: 1, method: m, params }),
  });
  if (!res.ok) throw new Error(`${m}: HTTP ${res.status}`);
  const body = await res.json();
  if (body.error) throw new Error(`${m}: ${JSON.stringify(body.error)}`);
  return body.result;
}
const [uid, key] = await rpc('common.db.login', [login, { password }, 'en']);
const auth = `Session ${Buffer.from(`${login}:${uid}:${key}`).toString('base64')}`;
const params = JSON.parse(json);
if (/^(model|wizard)\./.test(method))
  params.push(await rpc('model.res.user.get_preferences', [true, {}], auth));
console.log(JSON.stringify(await rpc(method, params, auth), null, 2));
