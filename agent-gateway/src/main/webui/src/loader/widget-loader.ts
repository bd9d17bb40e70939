// The embed script: <script src="https://<gateway>/widget.js" async></script> on any page adds a launcher
// button that opens the customer chat (/chat/) in an iframe, so the host page's CSS cannot reach it.
const script = document.currentScript as HTMLScriptElement | null;
const gatewayOrigin = script ? new URL(script.src).origin : window.location.origin;

function mount() {
  const frame = document.createElement('iframe');
  frame.src = `${gatewayOrigin}/chat/`;
  frame.title = 'Livechat';
  frame.setAttribute('data-livechat-widget', '');
  frame.style.cssText =
    'position:fixed;right:16px;bottom:16px;width:min(380px,calc(100vw - 32px));height:min(600px,calc(100vh - 32px));border:0;z-index:2147483647;';
  document.body.appendChild(frame);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
export {};
