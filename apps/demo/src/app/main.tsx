import '@gemkit/ui/styles.css';
import './app.css';
import { App } from './App';
import { mount } from './mount';

mount(<App />);
