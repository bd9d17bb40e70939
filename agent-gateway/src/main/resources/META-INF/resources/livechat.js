// Shared by the agent desktop and the customer widget: REST calls with problem+json errors, and a socket that
// reconnects and resumes from the last seq it saw of each conversation (see docs/api/gateway.md).
"use strict";

const Livechat = (() => {
  async function api(method, path, token, body) {
    const headers = {};
    if (token) headers["Authorization"] = "Bearer " + token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error((data && data.detail) || response.statusText);
      error.status = response.status;
      error.problem = data;
      throw error;
    }
    return data;
  }

  /** Close code of a socket whose token was revoked (account disabled or changed): reconnecting cannot help. */
  const REVOKED = 4401;

  /**
   * A socket that reconnects by itself; onFrame gets every frame; lastSeq() gives what to resume from; onRevoked is
   * called instead of reconnecting when the gateway closed it because its token was revoked, or when an attempt that
   * never opened (a refused upgrade looks like any lost connection to a browser) and isRevoked() confirms it.
   */
  function socket(path, token, { onFrame, onStatus, lastSeq, onRevoked, isRevoked }) {
    let ws = null;
    let closedByUs = false;
    let delay = 1000;

    function revoked() {
      onStatus && onStatus("signed out");
      onRevoked && onRevoked();
    }

    function open() {
      const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
      let opened = false;
      ws = new WebSocket(url, ["bearer-token-carrier",
        encodeURIComponent("quarkus-http-upgrade#Authorization#Bearer " + token)]);
      ws.onopen = () => {
        opened = true;
        delay = 1000;
        onStatus && onStatus("connected");
        const positions = lastSeq();
        // A resume as the first frame is replayed before any live frame: strict order, each seq once.
        ws.send(JSON.stringify({ type: "resume", correlationId: "resume-" + Date.now(), lastSeq: positions }));
      };
      ws.onmessage = (event) => onFrame(JSON.parse(event.data));
      ws.onclose = async (event) => {
        if (event.code === REVOKED) {
          revoked();
          return;
        }
        onStatus && onStatus("disconnected");
        if (closedByUs) return;
        if (!opened && isRevoked && await isRevoked().catch(() => false)) {
          revoked();
          return;
        }
        setTimeout(open, delay);
        delay = Math.min(delay * 2, 15000);
      };
    }

    open();
    return {
      send(frame) {
        if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
      },
      close() {
        closedByUs = true;
        if (ws) ws.close();
      },
    };
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => {
      if (name.startsWith("on")) node.addEventListener(name.substring(2), value);
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
    });
    children.flat().filter((child) => child !== null && child !== undefined).forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
    return node;
  }

  function codePoints(text) {
    return [...text].length;
  }

  function uuid() {
    return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
  }

  return { api, socket, element, codePoints, uuid };
})();
