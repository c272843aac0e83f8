import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { mountBenchPage } from './harness';
import { UseChatPage } from './UseChatPage';

/** (c) useChat + react-markdown with GitHub-flavored markdown (tables), unstyled. */
mountBenchPage(
  <UseChatPage renderText={(text) => <Markdown remarkPlugins={[remarkGfm]}>{text}</Markdown>} />,
);
