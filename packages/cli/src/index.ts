export { COMMANDS, main } from './main.js';
