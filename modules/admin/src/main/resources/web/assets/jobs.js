// Runs a catalog job (POST /discover) and follows it live through Server-Sent Events; falls back to
// polling the job status if the event stream breaks.
import { get, post, seg } from './api.js';

export async function runJob(dsId, body, onProgress = () => {}) {
  const base = '/api/v1/datasources/' + seg(dsId) + '/discover';
  const { job_id: jobId } = await post(base, body);
  const jobPath = base + '/' + seg(jobId);
  return new Promise((resolve, reject) => {
    let settled = false;
    let result = null;
    const source = new EventSource(jobPath + '/events', { withCredentials: true });
    const finish = (fn, value) => { if (!settled) { settled = true; source.close(); fn(value); } };
    source.addEventListener('progress', (ev) => {
      const e = JSON.parse(ev.data);
      onProgress(e.phase + ': ' + e.detail);
    });
    source.addEventListener('result', (ev) => { result = JSON.parse(ev.data).data; });
    source.addEventListener('cancelled', () => finish(reject, new Error('The job was cancelled.')));
    source.addEventListener('done', (ev) => {
      const e = JSON.parse(ev.data);
      if (e.status === 'completed') finish(resolve, result);
      else if (e.status !== 'failed') finish(reject, new Error('The job ended: ' + e.status));
    });
    // "error" is both the job's failure event (with data) and the stream's own failure (without)
    source.addEventListener('error', (ev) => {
      if (ev.data) { finish(reject, new Error(JSON.parse(ev.data).message)); return; }
      if (settled) return;
      source.close();
      poll(jobPath).then((r) => finish(resolve, r), (e) => finish(reject, e));
    });
  });
}

async function poll(jobPath) {
  for (let i = 0; i < 600; i++) {
    const s = await get(jobPath);
    if (s.status === 'completed') return s.result;
    if (s.status !== 'running') throw new Error(s.error || 'The job ended: ' + s.status);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('The job did not finish in 5 minutes.');
}
