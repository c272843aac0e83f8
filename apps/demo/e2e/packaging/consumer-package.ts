export interface Consumer {
  name: string;
  react: string;
  typesReact: string;
  typesReactDom: string;
  installer: 'npm' | 'pnpm';
}

/**
 * The consumer app's package.json: Gemkit from the tarballs (its packages depend on each other by version, so
 * overrides point those at the tarballs too: nothing is fetched from a registry under the @gemkit name),
 * everything else from the npm registry at pinned versions.
 */
export function consumerPackageJson(consumer: Consumer, tarballs: Record<string, string>) {
  const file = (name: string) => `file:${tarballs[name]}`;
  const gemkit = ['@gemkit/core', '@gemkit/react', '@gemkit/ui', '@gemkit/server', '@gemkit/emulator'];
  const overrides = Object.fromEntries(
    ['@gemkit/core', '@gemkit/react', '@gemkit/emulator'].map((name) =>
      // npm refers to the direct dependency's spec; pnpm takes the spec itself.
      [name, consumer.installer === 'npm' ? `$${name}` : file(name)],
    ),
  );
  return {
    name: `gemkit-consumer-${consumer.name}`,
    private: true,
    type: 'module',
    dependencies: {
      ...Object.fromEntries(gemkit.map((name) => [name, file(name)])),
      react: consumer.react,
      'react-dom': consumer.react,
    },
    devDependencies: {
      '@types/node': '20.19.43',
      '@types/react': consumer.typesReact,
      '@types/react-dom': consumer.typesReactDom,
      '@vitejs/plugin-react': '6.3.0',
      typescript: '5.9.3',
      vite: '8.3.8',
    },
    ...(consumer.installer === 'npm' ? { overrides } : { pnpm: { overrides } }),
  };
}
