// The app's identity, shared by main and the packaging checks (electron-builder.yml repeats it).
export const APP_ID = 'com.weeklydesk.app';
export const PRODUCT_NAME = '周刊编辑台';
