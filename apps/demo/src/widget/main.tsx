import '@gemkit/ui/styles.css';
import './widget.css';
import { mount } from '../app/mount';
import { SamplePage } from './SamplePage';

mount(<SamplePage />);
