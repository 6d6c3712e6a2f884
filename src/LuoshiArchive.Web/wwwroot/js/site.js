// Feedback for long work, served by the app itself (no CDN). Every page works without this script: it only adds to
// forms that already work on their own.
//  - A form being posted shows "正在处理…" on its button and ignores a second submit.
//  - An upload form (data-progress) is sent in the background so each file shows how much of it has gone up; when the
//    server has answered, its page is shown, as after an ordinary submit.
//  - A dashed upload box (.dossier-upload) takes files dropped anywhere on it; a file dropped elsewhere on the page is
//    not opened by the browser (the page, and what was typed in it, stays).
(function () {
    'use strict';

    var BUSY_TEXT = '正在处理…';

    function submitButtons(form) {
        return Array.prototype.slice.call(form.querySelectorAll('button:not([type]), button[type=submit]'));
    }

    // Disabled only after the browser has read the form: a disabled button's name and value would not be sent.
    function showBusy(form, submitter) {
        form.setAttribute('aria-busy', 'true');
        window.setTimeout(function () {
            submitButtons(form).forEach(function (button) {
                if (button === submitter || (!submitter && !button.dataset.idleText)) {
                    button.dataset.idleText = button.textContent;
                    button.textContent = BUSY_TEXT;
                }
                button.disabled = true;
            });
        }, 0);
    }

    function showIdle(form) {
        form.removeAttribute('aria-busy');
        delete form.dataset.busy;
        submitButtons(form).forEach(function (button) {
            if (button.dataset.idleText) button.textContent = button.dataset.idleText;
            delete button.dataset.idleText;
            button.disabled = false;
        });
    }

    function formatSize(bytes) {
        if (bytes >= 1024 * 1024) return (bytes / 1024 / 1024).toFixed(1) + ' MB';
        return Math.max(1, Math.round(bytes / 1024)) + ' KB';
    }

    // One line per chosen file: its name, size and a progress bar filled as its bytes go up (the files travel in one
    // request, in order, so a file's share is what has gone up past the files before it).
    function progressList(form, files) {
        var list = form.querySelector('.upload-progress');
        if (!list) {
            list = document.createElement('ul');
            list.className = 'upload-progress';
            list.setAttribute('aria-live', 'polite');
            form.appendChild(list);
        }
        list.textContent = '';
        return files.map(function (file) {
            var item = document.createElement('li');
            var label = document.createElement('span');
            var bar = document.createElement('progress');
            bar.max = Math.max(file.size, 1);
            bar.value = 0;
            bar.setAttribute('aria-label', file.name);
            item.appendChild(label);
            item.appendChild(bar);
            list.appendChild(item);
            var line = { file: file, label: label, bar: bar };
            setLine(line, 0);
            return line;
        });
    }

    function setLine(line, sent) {
        line.bar.value = Math.min(sent, line.bar.max);
        var percent = Math.floor(100 * line.bar.value / line.bar.max);
        line.label.textContent = '“' + line.file.name + '”（' + formatSize(line.file.size) + '）：' +
            (percent >= 100 ? '已上传，正在读取和检索入库…' : '已上传 ' + percent + '%');
    }

    function uploadError(form, text) {
        var box = form.querySelector('.upload-error');
        if (!box) {
            box = document.createElement('div');
            box.className = 'errors upload-error';
            box.setAttribute('role', 'alert');
            form.appendChild(box);
        }
        box.textContent = text;
    }

    function chosenFiles(form) {
        var files = [];
        Array.prototype.forEach.call(form.querySelectorAll('input[type=file]'), function (input) {
            Array.prototype.forEach.call(input.files || [], function (f) { files.push(f); });
        });
        return files;
    }

    // The server's answer (after its redirect) replaces the page, so messages and errors show as they do without
    // this script; the address becomes the answered page's.
    function showAnswer(xhr) {
        var html = xhr.responseText;
        if (xhr.responseURL) window.history.replaceState(null, '', xhr.responseURL);
        document.open();
        document.write(html);
        document.close();
    }

    function sendInBackground(form, submitter) {
        var files = chosenFiles(form);
        var lines = progressList(form, files);
        var data = new FormData(form);
        if (submitter && submitter.name) data.append(submitter.name, submitter.value);
        var xhr = new XMLHttpRequest();
        xhr.open('POST', submitter && submitter.hasAttribute('formaction') ? submitter.formAction : form.action);
        xhr.upload.onprogress = function (e) {
            var before = 0;
            lines.forEach(function (line) {
                setLine(line, e.loaded - before);
                before += line.file.size;
            });
        };
        xhr.upload.onload = function () {
            lines.forEach(function (line) { setLine(line, line.file.size); });
        };
        xhr.onload = function () { showAnswer(xhr); };
        xhr.onerror = xhr.onabort = function () {
            showIdle(form);
            uploadError(form, '上传中断（网络连接断开或服务器无响应），文件未保存。请检查网络后重新上传。');
        };
        xhr.send(data);
    }

    document.addEventListener('submit', function (e) {
        var form = e.target;
        if (!(form instanceof HTMLFormElement) || (form.method || '').toLowerCase() !== 'post') return;
        if (e.defaultPrevented) return;
        if (form.dataset.busy) {
            e.preventDefault();
            return;
        }
        form.dataset.busy = '1';
        var submitter = e.submitter || null;
        showBusy(form, submitter);
        if (form.hasAttribute('data-progress') && chosenFiles(form).length > 0 && window.XMLHttpRequest) {
            e.preventDefault();
            sendInBackground(form, submitter);
        }
    });

    // Back to a page kept by the browser: its buttons work again.
    window.addEventListener('pageshow', function (e) {
        if (!e.persisted) return;
        Array.prototype.forEach.call(document.querySelectorAll('form[data-busy]'), showIdle);
    });

    function carriesFiles(e) {
        return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], 'Files') >= 0;
    }

    function chosenNames(zone, files) {
        var note = zone.querySelector('.dropped-files');
        if (!note) {
            note = document.createElement('p');
            note.className = 'dropped-files';
            note.setAttribute('aria-live', 'polite');
            zone.insertBefore(note, zone.querySelector('input[type=file]').nextSibling);
        }
        note.textContent = '已选择 ' + files.length + ' 个文件：' +
            Array.prototype.map.call(files, function (f) { return f.name; }).join('、');
    }

    Array.prototype.forEach.call(document.querySelectorAll('.dossier-upload'), function (zone) {
        var input = zone.querySelector('input[type=file]');
        if (!input) return;
        zone.addEventListener('dragover', function (e) {
            if (!carriesFiles(e)) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            zone.classList.add('drop-target');
        });
        zone.addEventListener('dragleave', function (e) {
            if (!zone.contains(e.relatedTarget)) zone.classList.remove('drop-target');
        });
        zone.addEventListener('drop', function (e) {
            if (!carriesFiles(e)) return;
            e.preventDefault();
            e.stopPropagation();
            zone.classList.remove('drop-target');
            var files = e.dataTransfer.files;
            if (!input.multiple && files.length > 1) {
                uploadError(zone, '这里一次只能上传一个文件，请只拖入一个。');
                return;
            }
            input.files = files;
            input.dispatchEvent(new Event('change', { bubbles: true }));
        });
        input.addEventListener('change', function () {
            if (input.files && input.files.length > 0) chosenNames(zone, input.files);
        });
    });

    // A file dropped outside an upload box is ignored instead of replacing the page.
    ['dragover', 'drop'].forEach(function (type) {
        window.addEventListener(type, function (e) {
            if (!carriesFiles(e) || e.defaultPrevented) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'none';
        });
    });
})();
