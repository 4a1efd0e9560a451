// strict.html allows no inline script: it says it is ready from here.
document.documentElement.dataset.ready = 'true';
