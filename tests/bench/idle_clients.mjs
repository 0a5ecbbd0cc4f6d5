// Holds IDLE keep-alive connections open against the server, then times how long a new client
// waits for an answer. Usage: node idle_clients.mjs PORT [IDLE=200] [TRIALS=20]
import net from "node:net";

const [port, idleCount = 200, trials = 20] = process.argv.slice(2).map(Number);
const request = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n";

function openIdle() {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(request));
    socket.once("data", () => resolve(socket));  // answered once, then left idle and open
    socket.once("error", reject);
  });
}

function timeNewClient() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const socket = net.connect(port, "127.0.0.1", () =>
      socket.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    socket.once("data", () => {
      resolve(Number(process.hrtime.bigint() - started) / 1e6);
      socket.destroy();
    });
    socket.once("error", reject);
    socket.setTimeout(10000, () => reject(new Error("no answer within 10 s")));
  });
}

const idle = [];
for (let i = 0; i < idleCount; ++i) idle.push(await openIdle());
const times = [];
for (let i = 0; i < trials; ++i) {
  times.push(await timeNewClient());
  await new Promise((r) => setTimeout(r, 50));
}
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
console.log(`new client with ${idle.length} idle keep-alive connections held: p50 ${pct(0.5)} ms, max ${times.at(-1).toFixed(2)} ms over ${trials} tries`);
for (const socket of idle) socket.destroy();
