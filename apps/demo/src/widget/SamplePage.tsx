import { createIndexedDBAdapter, GemkitProvider, useConversation } from '@gemkit/react';
import { ChatDialog } from '@gemkit/ui';
import { DEFAULT_MODEL } from '../shared/demo-status';

// Everything an app needs to embed the widget is in this file: a provider pointing at its route, a
// conversation, and <ChatDialog>.
const persistence = createIndexedDBAdapter({ databaseName: 'gemkit-demo-widget' });

const SYSTEM_INSTRUCTION =
  'You are the shop assistant of Trailhead Outfitters. Answer questions about the Trailhead Ultralight 2 tent: ' +
  '1.1 kg, two people, three seasons, 20D ripstop nylon, aluminium poles, 15-minute pitch. Be brief and friendly.';

function Assistant() {
  const chat = useConversation({
    id: 'trailhead-assistant',
    persistence,
    system_instruction: SYSTEM_INSTRUCTION,
    generation_config: { thinking_level: 'low' },
  });
  return (
    <ChatDialog
      conversation={chat}
      title="Ask about this tent"
      launcherLabel="Ask about this tent"
      placeholder="Will it survive a windy ridge?"
    />
  );
}

/** A product page as a shop would have it, with the Gemkit chat widget floating in its corner. */
export function SamplePage() {
  return (
    <GemkitProvider baseUrl="/api/gemini" model={DEFAULT_MODEL}>
      <div className="shop">
        <header className="shop-header">
          <span className="shop-logo">Trailhead Outfitters</span>
          <nav aria-label="Shop">
            <a href="#tents">Tents</a>
            <a href="#packs">Packs</a>
            <a href="#sleep">Sleep</a>
          </nav>
          <a className="shop-back" href="/">
            ← Back to the Gemkit demo
          </a>
        </header>
        <main className="shop-main">
          <div className="shop-picture" role="img" aria-label="A green two-person tent under a starry sky">
            <svg viewBox="0 0 400 300" aria-hidden="true">
              <rect width="400" height="300" fill="#1c2b4a" />
              <circle cx="320" cy="60" r="22" fill="#f4e9c1" />
              {[40, 90, 150, 210, 260, 350, 120, 300].map((x, i) => (
                <circle key={x} cx={x} cy={30 + ((i * 37) % 90)} r="1.6" fill="#fff" opacity="0.8" />
              ))}
              <path d="M0 240 L90 170 L160 215 L250 150 L400 235 L400 300 L0 300 Z" fill="#243b2f" />
              <path d="M120 260 L200 160 L280 260 Z" fill="#4c9a5b" />
              <path d="M200 160 L225 260 L175 260 Z" fill="#2f6b3b" />
              <rect x="0" y="258" width="400" height="42" fill="#1a2a20" />
            </svg>
          </div>
          <section className="shop-details" aria-labelledby="product-name">
            <p className="shop-kicker">Tents · Backpacking</p>
            <h1 id="product-name">Trailhead Ultralight 2</h1>
            <p className="shop-price">€349</p>
            <p>
              A two-person, three-season tent that weighs 1.1 kg and pitches in fifteen minutes. Questions?
              The assistant in the corner knows this tent.
            </p>
            <ul className="shop-facts">
              <li>1.1 kg packed</li>
              <li>20D ripstop nylon, 3000 mm</li>
              <li>Aluminium poles</li>
              <li>Two doors, two vestibules</li>
            </ul>
            <button type="button" className="shop-buy">
              Add to basket
            </button>
            <p className="shop-note">
              This page is a sample: it embeds <code>&lt;ChatDialog&gt;</code> from <code>@gemkit/ui</code>{' '}
              the way an app would, talking to the same <code>/api/gemini</code> route.
            </p>
          </section>
        </main>
      </div>
      <Assistant />
    </GemkitProvider>
  );
}
