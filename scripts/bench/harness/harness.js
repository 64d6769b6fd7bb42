// Baseline for scripts/bench-map: every place of the plan in a cluster layer, and the first
// 20 comments as text. Uses only the public API; nothing here is part of the app.
(async () => {
  const plan = new URLSearchParams(location.search).get('plan');
  const api = `/api/v1/plans/${encodeURIComponent(plan)}`;
  const get = async (url) => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return r.json();
  };
  const [detail, places, comments] = await Promise.all([
    get(api),
    get(`${api}/comments/places`),
    get(`${api}/comments?limit=20`),
  ]);
  document.getElementById('title').textContent = detail.title.en ?? detail.title.fi;
  const list = document.getElementById('comments');
  for (const c of comments.items) {
    const li = document.createElement('li');
    li.className = 'os-comment';
    li.textContent = c.text ?? '(hidden)';
    list.append(li);
  }
  const [w, s, e, n] = detail.bbox;
  const map = L.map(document.querySelector('.os-map__canvas'), { preferCanvas: true, minZoom: 10, maxZoom: 19 });
  map.fitBounds([[s, w], [n, e]]);
  const icons = [0, 1, 2].map((k) => L.divIcon({ className: `bench-pin bench-pin--${k}`, iconSize: [16, 16] }));
  const cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false });
  cluster.addLayers(places.items.map(([, lon, lat, kind]) => L.marker([lat, lon], { icon: icons[kind], keyboard: false })));
  map.addLayer(cluster);
})().catch((e) => {
  document.body.append(Object.assign(document.createElement('p'), { textContent: String(e) }));
});
