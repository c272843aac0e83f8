import { Streamdown } from 'streamdown';
import 'streamdown/styles.css';
import './streamdown.css';
import { mountBenchPage } from './harness';
import { UseChatPage } from './UseChatPage';

/** (b) useChat + Streamdown, as its README sets it up (Tailwind, its styles, isAnimating while streaming). */
mountBenchPage(
  <UseChatPage renderText={(text, streaming) => <Streamdown isAnimating={streaming}>{text}</Streamdown>} />,
);
