/**
 * The benchmark report's inline script (report-page.ts places it after chart.js's UMD build):
 * it reads the JSON in #bench-data and draws the goals chart, one history chart per goal and one
 * log-log chart per scale dimension, and the mainnet-shaped block's two. A plain script in a
 * string (functions and var, as the audit report's): the page has no build step and no module
 * loader. Sets body[data-rendered="yes"] when every chart is drawn (the browser test waits for it).
 * A value the JSON leaves out (an optional figure of report-data.ts) is undefined, one it writes
 * as null (an infinite share) is null: `known` accepts neither.
 */
export const REPORT_SCRIPT = `(function () {
  var d = JSON.parse(document.getElementById('bench-data').textContent);
  var cap = d.cap;
  var GREEN = '#2ca02c', RED = '#d62728', GREY = '#9a9a9a', BLUE = '#1f77b4', ORANGE = '#ff7f0e', PURPLE = '#9467bd';
  var known = function (v) { return v !== null && v !== undefined; };
  var fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
  // null: a share above any finite one (an exponent ≤ 0; JSON has no Infinity).
  var capped = function (share) { return share === null ? cap : Math.min(share, cap); };
  var shareText = function (share) { return share === null ? 'above any finite share (exponent ≤ 0)' : fmt.format(share); };
  var opts = function (extra) { return Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, extra || {}); };
  // The goal's line across the chart at \`value\` (share 1, or the mainnet block's longest allowed
  // time): on x for the horizontal bars, on y for the histories.
  var goalLine = function (axis, value) {
    return { id: 'goal-line-' + axis, afterDatasetsDraw: function (chart) {
      var scale = chart.scales[axis], area = chart.chartArea, ctx = chart.ctx, at = scale.getPixelForValue(value);
      ctx.save(); ctx.strokeStyle = '#222'; ctx.setLineDash([6, 4]); ctx.lineWidth = 1.5; ctx.beginPath();
      if (axis === 'x') { ctx.moveTo(at, area.top); ctx.lineTo(at, area.bottom); } else { ctx.moveTo(area.left, at); ctx.lineTo(area.right, at); }
      ctx.stroke(); ctx.restore();
    } };
  };
  // On a phone a goal's name ("query point/balance@historical/latency") would be cut off: it is
  // broken after its slashes and spaces into lines of at most 18 characters.
  var narrow = window.innerWidth < 600;
  var wrapped = function (name) {
    if (!narrow) return name;
    var lines = [''];
    name.split(/(?<=[\/ ])/).forEach(function (part) { var last = lines.length - 1; if (lines[last].length + part.length > 18 && lines[last] !== '') lines.push(part); else lines[last] += part; });
    return lines;
  };
  var colourOf = function (met) { return met === 'met' ? GREEN : met === 'not met' ? RED : GREY; };

  function drawGoals() {
    new Chart(document.getElementById('goals'), { type: 'bar', plugins: [goalLine('x', 1)],
      data: { labels: d.bars.map(function (b) { return b.name; }),
        datasets: [{ label: 'share of the goal', data: d.bars.map(function (b) { return capped(b.share); }), backgroundColor: d.bars.map(function (b) { return colourOf(b.met); }) }] },
      options: opts({ indexAxis: 'y', scales: { x: { min: 0, max: cap, title: { display: true, text: 'share of the goal (1 = the goal; more is better)' } }, y: { ticks: { autoSkip: false, callback: function (v) { return wrapped(d.bars[v].name); } } } },
        plugins: { legend: { display: false }, tooltip: { callbacks: { title: function (items) { return d.bars[items[0].dataIndex].name; }, label: function (c) { var b = d.bars[c.dataIndex];
          return ['goal: ' + b.goal, 'figure: ' + b.figure + (b.ratio === '—' ? '' : ', ratio ' + b.ratio), 'share: ' + shareText(b.share) + ' — ' + b.met]; } } } } }) });
  }

  function drawHistories() {
    var when = function (ms) { return new Date(ms).toISOString().slice(5, 16).replace('T', ' '); };
    // One time axis for every history (so they compare at a glance), ticks at UTC midnights, or
    // every 6 hours over a span shorter than two days.
    var times = [];
    d.histories.forEach(function (h) { h.points.forEach(function (p) { times.push(Date.parse(p.at)); }); });
    var DAY = 864e5, first = times.length === 0 ? 0 : Math.min.apply(null, times), last = times.length === 0 ? DAY : Math.max.apply(null, times);
    var tickStep = last - first >= 2 * DAY ? DAY : DAY / 4;
    var timeTicks = function (axis) {
      var out = [], t;
      for (t = Math.ceil(first / tickStep) * tickStep; t <= last; t += tickStep) out.push({ value: t });
      axis.ticks = out;
    };
    var tickText = function (v) { return v % DAY === 0 ? when(v).slice(0, 5) : when(v); };
    d.histories.forEach(function (h, i) {
      var series = function (quick) { return h.points.filter(function (p) { return p.quick === quick; }).map(function (p) { return { x: Date.parse(p.at), y: capped(p.share), point: p }; }); };
      new Chart(document.getElementById('history-' + i), { type: 'scatter', plugins: [goalLine('y', 1)],
        data: { datasets: [
          { label: 'full runs', data: series(false), backgroundColor: BLUE, borderColor: BLUE, pointRadius: 4, showLine: true, borderWidth: 1 },
          { label: '--quick runs', data: series(true), backgroundColor: 'rgba(0,0,0,0)', borderColor: ORANGE, pointRadius: 4, pointStyle: 'circle' } ] },
        options: opts({ scales: { x: { type: 'linear', min: first - tickStep / 8, max: last + tickStep / 8, title: { display: true, text: 'run (UTC)' }, afterBuildTicks: timeTicks, ticks: { callback: tickText } },
            y: { min: 0, suggestedMax: 1.2, max: cap, title: { display: true, text: 'share of the goal' } } },
          plugins: { tooltip: { callbacks: { label: function (c) { var p = c.raw.point; return when(c.raw.x) + (p.quick ? ' (--quick)' : '') + ': ' + p.figure + '; share ' + shareText(p.share); } } } } }) });
    });
    if (d.featured.length === 0) return;
    // The goals not met or on the line together, one coloured line each (full runs only).
    var PALETTE = [BLUE, ORANGE, GREEN, RED, PURPLE, '#8c564b', '#e377c2', '#17becf'];
    new Chart(document.getElementById('history-featured'), { type: 'scatter', plugins: [goalLine('y', 1)],
      data: { datasets: d.featured.map(function (h, i) { var colour = PALETTE[i % PALETTE.length];
        return { label: h.name, data: h.points.map(function (p) { return { x: Date.parse(p.at), y: capped(p.share), point: p }; }), backgroundColor: colour, borderColor: colour, pointRadius: 3, showLine: true, borderWidth: 1.5 }; }) },
      options: opts({ scales: { x: { type: 'linear', min: first - tickStep / 8, max: last + tickStep / 8, title: { display: true, text: 'full run (UTC)' }, afterBuildTicks: timeTicks, ticks: { callback: tickText } },
          y: { min: 0, max: cap, title: { display: true, text: 'share of the goal (1 = the goal)' } } },
        plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: function (c) { var p = c.raw.point; return c.dataset.label + ', ' + when(c.raw.x) + ': ' + p.figure + '; share ' + shareText(p.share); } } } } }) });
  }

  function drawScale() {
    // Log axes label only 1, 2 and 5 times a power of ten (chart.js would label every minor tick).
    var niceTick = function (v) { var m = v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9)); return [1, 2, 5].some(function (k) { return Math.abs(m - k) < 1e-6; }) ? fmt.format(v) : ''; };
    // The relative axis's ticks, chosen here (chart.js's log ticks crowd a range like 1–1.3):
    // steps of 0.1 (0.05 below ×1.2) up to ×3, then 1, 2, 5 times powers of ten.
    var relativeTicks = function (axis) {
      var max = axis.max, out = [], step = max < 1.2 ? 0.05 : 0.1, v, k;
      if (max <= 3) { for (v = 1; v <= max + 1e-9; v += step) out.push({ value: Math.round(v * 100) / 100 }); }
      else { for (k = 0; Math.pow(10, k) <= max; k++) [1, 2, 5].forEach(function (m) { v = m * Math.pow(10, k); if (v <= max) out.push({ value: v }); }); }
      axis.ticks = out;
    };
    var COLOURS = { 'apply': BLUE, 'state-root': ORANGE, 'rss': PURPLE };
    var UNITS = { 'ms_per_block': ' ms per block', 'rss_mb': ' MB' };
    d.scale.forEach(function (s, i) {
      var sets = s.curves.map(function (c) {
        var colour = COLOURS[c.measure] || GREY;
        var exp = !known(c.exponent) ? '' : ': exponent ' + c.exponent + (!known(c.goalExponent) ? '' : ' (goal ≤ ' + c.goalExponent + ')');
        return { label: c.measure + exp, data: c.points.map(function (p) { return { x: p.n, y: p.relative, value: p.value, unit: UNITS[c.metric] || (' ' + c.metric) }; }), borderColor: colour, backgroundColor: colour, showLine: true, pointRadius: 4 };
      });
      s.allowed.forEach(function (a) {
        sets.push({ label: 'allowed by a goal of ≤ ' + a.goalExponent, data: a.points.map(function (p) { return { x: p.n, y: p.relative }; }), borderColor: '#222', backgroundColor: '#222', borderDash: [6, 4], showLine: true, pointRadius: 0, borderWidth: 1.5 });
      });
      new Chart(document.getElementById('scale-' + i), { type: 'scatter', data: { datasets: sets },
        options: opts({ scales: {
            x: { type: 'logarithmic', title: { display: true, text: s.dimension + ' (log scale)' }, ticks: { callback: niceTick } },
            y: { type: 'logarithmic', min: 1, title: { display: true, text: '× value at the smallest size (log)' }, afterBuildTicks: relativeTicks, ticks: { callback: function (v) { return '×' + fmt.format(v); } } } },
          plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: function (c) { var r = c.raw;
            return c.dataset.label.split(':')[0] + ' at ' + fmt.format(r.x) + ': ' + (r.value === undefined ? '' : fmt.format(r.value) + r.unit + ', ') + '×' + fmt.format(r.y); } } } } }) });
    });
  }

  function drawMainnet(m) {
    var hasGoal = known(m.goalMs);
    var ms = function (v) { return fmt.format(Math.round(v)) + ' ms'; };
    // Mainnet's range as a floating bar from its low to its high count; the block's count beside it.
    new Chart(document.getElementById('mainnet-composition'), { type: 'bar',
      data: { labels: m.composition.map(function (c) { return c.kind; }), datasets: [
        { label: 'mainnet block (range)', data: m.composition.map(function (c) { return c.mainnet; }), backgroundColor: 'rgba(120,120,120,0.45)' },
        { label: 'this block', data: m.composition.map(function (c) { return c.block; }), backgroundColor: BLUE } ] },
      options: opts({ indexAxis: 'y', scales: { x: { beginAtZero: true, title: { display: true, text: 'txs per block' } } },
        plugins: { tooltip: { callbacks: { label: function (c) { var v = c.raw; return c.dataset.label + ': ' + (Array.isArray(v) ? fmt.format(v[0]) + '–' + fmt.format(v[1]) : fmt.format(v)); } } } } }) });
    var rows = [['limit: raw verification, 2 workers', m.limitMs, GREY], ['this block', m.timeMs, !hasGoal || m.timeMs <= m.goalMs ? GREEN : RED]];
    if (known(m.cpu)) rows.push(['its CPU ÷ ' + m.cores + ' cores', m.cpu.overCores, PURPLE]);
    new Chart(document.getElementById('mainnet-time'), { type: 'bar', plugins: hasGoal ? [goalLine('x', m.goalMs)] : [],
      data: { labels: rows.map(function (r) { return r[0]; }), datasets: [{ label: 'ms per block', data: rows.map(function (r) { return r[1]; }), backgroundColor: rows.map(function (r) { return r[2]; }) }] },
      options: opts({ indexAxis: 'y', scales: { x: { beginAtZero: true, suggestedMax: hasGoal ? m.goalMs * 1.1 : undefined, title: { display: true, text: 'ms per block' + (hasGoal ? ' (dashed: the goal, ' + ms(m.goalMs) + ')' : '') } } },
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) { var text = ms(c.raw);
          if (c.dataIndex === 2) text += ' (main thread ' + ms(m.cpu.mainThread) + ' + verify workers ' + ms(m.cpu.verifyWorkers) + ' + other threads ' + ms(m.cpu.otherThreads) + ', ÷ ' + m.cores + ')';
          return text; } } } } }) });
  }

  drawGoals();
  drawHistories();
  drawScale();
  if (known(d.mainnet)) drawMainnet(d.mainnet);
  document.body.setAttribute('data-rendered', 'yes');
})();`;
