import b from 'webextension-polyfill'; console.log(b)
