import 'dayjs/locale/zh-cn';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
