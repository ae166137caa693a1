// The form posts the original's sign-up body to /users; the chart shows the newest window's words, read once
// from /windows and then kept current from the rows /events streams.
(function () {
  'use strict';
  var TOP = 15;
  var windows = {};
  var newest = null;

  function take(start, end, key, count) {
    if (newest !== null && start < newest) {
      return;
    }
    var w = windows[start] || (windows[start] = { end: end, counts: {} });
    // Counts only grow within a window: the highest seen is the latest, whatever order rows come in.
    if (!(w.counts[key] >= count)) {
      w.counts[key] = count;
    }
    if (newest === null || start > newest) {
      newest = start;
      // Only the newest window is drawn: older ones are let go.
      Object.keys(windows).forEach(function (s) {
        if (s < newest) {
          delete windows[s];
        }
      });
    }
  }

  function draw() {
    var chart = document.getElementById('chart');
    chart.textContent = '';
    if (newest === null) {
      return;
    }
    var w = windows[newest];
    document.getElementById('window').textContent =
        'janela ' + newest.substring(11, 19) + ' - ' + w.end.substring(11, 19) + ' UTC';
    var keys = Object.keys(w.counts).sort(function (a, b) {
      return w.counts[b] - w.counts[a] || (a < b ? -1 : a > b ? 1 : 0);
    }).slice(0, TOP);
    var max = keys.length ? w.counts[keys[0]] : 1;
    keys.forEach(function (key) {
      var bar = document.createElement('div');
      bar.className = 'bar';
      bar.dataset.key = key;
      bar.dataset.count = String(w.counts[key]);
      var label = document.createElement('span');
      label.className = 'key';
      label.textContent = key;
      var fill = document.createElement('div');
      fill.className = 'fill';
      fill.style.width = (100 * w.counts[key] / max) + '%';
      var count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(w.counts[key]);
      bar.appendChild(label);
      bar.appendChild(fill);
      bar.appendChild(count);
      chart.appendChild(bar);
    });
  }

  fetch('windows?dimension=word&last=1&top=' + TOP).then(function (r) { return r.json(); }).then(function (body) {
    body.windows.forEach(function (w) {
      w.counts.forEach(function (c) { take(w.start, w.end, c.key, c.count); });
    });
    draw();
  });

  var events = new EventSource('events');
  events.addEventListener('row', function (e) {
    var row = JSON.parse(e.data);
    if (row.dimension === 'word') {
      take(row.windowStart, row.windowEnd, row.key, row.count);
      draw();
    }
  });

  document.getElementById('signup').addEventListener('submit', function (e) {
    e.preventDefault();
    var status = document.getElementById('status');
    var body = {
      nome: document.getElementById('nome').value,
      email: document.getElementById('email').value,
      resumo: document.getElementById('resumo').value
    };
    status.className = '';
    status.textContent = 'enviando...';
    fetch('users', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        return r.json().then(function (answer) {
          if (r.status !== 202) {
            throw new Error(answer.error || ('HTTP ' + r.status));
          }
          var rec = answer.records[0];
          status.textContent = 'recebido (partition ' + rec.partition + ', offset ' + rec.offset + ')';
          document.getElementById('resumo').value = '';
        });
      })
      .catch(function (err) {
        status.className = 'error';
        status.textContent = err.message;
      });
  });
}());
