// Phase "memory": RSS of a fresh authmock after start, warm-up and a minute of mixed load.

import { QUICK, remaining, sleep, log } from '../options.mjs';
import { rssMb, startServer } from '../servers.mjs';
import { load, summarise } from '../load.mjs';
import { signIn, PATHS } from '../paths.mjs';
import { fmt } from '../report.mjs';

async function phaseMemory(results) {
  const m = (results.memory = { na: null });
  const warmup = QUICK ? 2 : 5;
  const left = remaining() / 1000 - 15; // start, warm-up, stop
  const seconds = QUICK ? 5 : left >= 60 ? 60 : left >= 30 ? 30 : Math.floor(left);
  if (seconds < (QUICK ? 5 : 10)) {
    m.na = 'skipped: time budget';
    return;
  }
  m.seconds = seconds;
  const server = await startServer('authmock');
  try {
    await sleep(300);
    m.rssStart = rssMb(server.pid);
    const c = await signIn(server.url);
    const requests = PATHS.filter((p) => p.hot).map((p) => p.request(c));
    await load({ url: server.url, requests, duration: warmup });
    m.rssWarm = rssMb(server.pid);
    const result = summarise(await load({ url: server.url, requests, duration: seconds }));
    m.load = result;
    m.rssAfter = rssMb(server.pid);
    m.growth = (m.rssAfter - m.rssWarm) / m.rssWarm;
    log(`memory: ${fmt(m.rssStart, 1)} → ${fmt(m.rssWarm, 1)} → ${fmt(m.rssAfter, 1)} MB after ${seconds} s mixed load`);
  } catch (error) {
    m.na = error.message;
  } finally {
    await server.stop();
  }
}

export { phaseMemory };
