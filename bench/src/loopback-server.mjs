// The server every contestant talks to. It runs in its own process so that its work never shares a core
// or an event loop with the client being measured, and it does as little as it can: 204, no body.
import http from "node:http";

const lifetimeMs = Number(process.argv[2] ?? 15 * 60_000);

const server = http.createServer((request, response) => {
  // Drain whatever was sent so the connection stays reusable, then answer without waiting for it.
  request.resume();
  response.writeHead(204);
  response.end();
});
// Idle keep-alive connections must outlive the pauses between phases, or a client may write into a socket
// the server is closing and see a reset that no contestant would see in real use.
server.keepAliveTimeout = lifetimeMs;
server.requestTimeout = 0;

server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: server.address().port });
});

// Never outlive the bench: the IPC channel closes when the parent exits, however it exits.
process.on("disconnect", () => process.exit(0));
setTimeout(() => process.exit(0), lifetimeMs).unref();
