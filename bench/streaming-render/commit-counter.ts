/**
 * Counts React commits in a production build. Production React leaves <Profiler onRender> uncalled, but
 * reports every commit of every root to the React DevTools hook if one is installed before it loads; this
 * stand-in hook only counts (into `window.__reactCommits`), which costs nothing measurable. It gives the
 * count a root <Profiler onRender> gives in a profiling build, without that build's own cost (React 19's
 * profiling build also times and logs every component render for DevTools' performance track).
 */
export const COMMIT_COUNTER_SCRIPT = `window.__reactCommits = 0;
window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  inject: function () { return 1; },
  onCommitFiberRoot: function () { window.__reactCommits++; },
  onCommitFiberUnmount: function () {},
  onPostCommitFiberRoot: function () {},
  checkDCE: function () {},
};`;
