/** Today's date in UTC as the database's date columns hold it (yyyy-mm-dd). */
export const today = () => new Date().toISOString().slice(0, 10);
