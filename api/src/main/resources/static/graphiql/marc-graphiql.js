// MARC's GraphiQL page (index.html): demo users, token, fetcher and subscriptions.
// With the local profile, /dev/users lists the demo users: pick one (or open /graphiql?user=admin)
// and the page reloads acting as that user, so GraphiQL fetches the schema with its token.
async function demoToken() {
  const response = await fetch('/dev/users');
  if (!response.ok) return null; // no dev signer: use the Headers tab
  const users = await response.json();
  const wanted = new URLSearchParams(location.search).get('user');
  const select = document.createElement('select');
  select.innerHTML = '<option value="">— demo user —</option>' + users.map(u =>
    `<option value="${u.user}">${u.user} · ${u.role}${u.counties.length ? ' · ' + u.counties.join(',') : ''}</option>`).join('');
  select.value = users.some(u => u.user === wanted) ? wanted : '';
  select.onchange = () => { location.search = select.value ? '?user=' + encodeURIComponent(select.value) : ''; };
  const who = document.getElementById('who');
  who.textContent = 'Acting as ';
  who.appendChild(select);
  if (!select.value) return null;
  const issued = await fetch('/dev/token?user=' + encodeURIComponent(select.value), {method: 'POST'});
  return issued.ok ? (await issued.json()).access_token : null;
}

function fetcherFor(bearer) {
  return async (params, options) => {
    const headers = {'Content-Type': 'application/json', ...(options && options.headers ? options.headers : {})};
    if (bearer && !headers.Authorization) headers.Authorization = 'Bearer ' + bearer;
    if (/^\s*subscription\b/.test(params.query)) return subscribe(params, headers.Authorization);
    const response = await fetch('/graphql', {method: 'POST', headers, body: JSON.stringify(params)});
    if (response.status === 401) return {errors: [{message: 'Not authenticated: choose a demo user or add an Authorization header'}]};
    return response.json();
  };
}

// Subscriptions: graphql-transport-ws over a WebSocket on /graphql; the token goes in connection_init
// (a browser cannot set headers on a WebSocket). GraphiQL shows each pushed result as it arrives.
function subscribe(params, authorization) {
  const queue = [];
  let wake = null;
  const push = item => { queue.push(item); if (wake) { wake(); wake = null; } };
  const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql',
    'graphql-transport-ws');
  socket.onopen = () => socket.send(JSON.stringify({type: 'connection_init',
    payload: authorization ? {Authorization: authorization} : {}}));
  socket.onmessage = event => {
    const message = JSON.parse(event.data);
    if (message.type === 'connection_ack') socket.send(JSON.stringify({id: '1', type: 'subscribe', payload: params}));
    else if (message.type === 'next') push({value: message.payload, done: false});
    else if (message.type === 'error') push({value: {errors: message.payload}, done: false});
    else if (message.type === 'complete') push({value: undefined, done: true});
  };
  socket.onclose = event => {
    if (event.code !== 1000) push({value: {errors: [{message: 'Subscription closed (' + event.code + '): ' +
      (event.reason || 'not authenticated?')}]}, done: false});
    push({value: undefined, done: true});
  };
  return {[Symbol.asyncIterator]: () => ({
    next: async () => { while (!queue.length) await new Promise(resolve => { wake = resolve; }); return queue.shift(); },
    return: async () => { socket.close(1000); return {value: undefined, done: true}; }
  })};
}

demoToken().catch(() => null).then(token => ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {fetcher: fetcherFor(token),
    defaultQuery: '# Who am I, and where does my view of the organisation start?\n{\n  viewer {\n    user { displayName }\n    roles { role counties }\n    orgUnits { id name children { edges { node { id name } } } }\n  }\n  notifications(first: 5) { unreadCount edges { node { title message } } }\n}\n'})));
